// Dataladdare för data/helarsekvivalenter_halvar.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("helarsekvivalenter_halvar.csv");
