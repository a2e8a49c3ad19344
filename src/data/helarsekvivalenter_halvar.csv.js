// Dataladdare för data/helarsekvivalenter_halvar.csv (se src/data/utdata.js och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.js";

await skrivUtdatafil("helarsekvivalenter_halvar.csv");
