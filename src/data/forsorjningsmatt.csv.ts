// Dataladdare för data/forsorjningsmatt.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("forsorjningsmatt.csv");
