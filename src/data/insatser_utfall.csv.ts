// Dataladdare för data/insatser_utfall.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("insatser_utfall.csv");
