// Dataladdare för data/malgrupp.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("malgrupp.csv");
