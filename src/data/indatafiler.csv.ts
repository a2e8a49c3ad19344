// Dataladdare för data/indatafiler.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("indatafiler.csv");
