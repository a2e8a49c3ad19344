// Dataladdare för data/ekonomi_medelstilldelning.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("ekonomi_medelstilldelning.csv");
