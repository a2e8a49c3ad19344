// Dataladdare för data/ekonomi_eget_kapital.csv (se src/data/utdata.js och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.js";

await skrivUtdatafil("ekonomi_eget_kapital.csv");
