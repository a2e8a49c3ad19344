// Dataladdare för data/inkomstkalla.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("inkomstkalla.csv");
