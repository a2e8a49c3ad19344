// Dataladdare för data/inkomstniva.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("inkomstniva.csv");
