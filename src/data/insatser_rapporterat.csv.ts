// Dataladdare för data/insatser_rapporterat.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("insatser_rapporterat.csv");
