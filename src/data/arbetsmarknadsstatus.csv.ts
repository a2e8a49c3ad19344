// Dataladdare för data/arbetsmarknadsstatus.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("arbetsmarknadsstatus.csv");
