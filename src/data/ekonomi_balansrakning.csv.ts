// Dataladdare för data/ekonomi_balansrakning.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("ekonomi_balansrakning.csv");
