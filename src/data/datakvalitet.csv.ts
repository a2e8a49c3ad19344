// Dataladdare för data/datakvalitet.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("datakvalitet.csv");
