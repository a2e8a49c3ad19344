// Dataladdare för data/ekonomi_eget_kapital.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("ekonomi_eget_kapital.csv");
