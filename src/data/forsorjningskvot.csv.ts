// Dataladdare för data/forsorjningskvot.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("forsorjningskvot.csv");
