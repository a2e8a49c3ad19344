// Dataladdare för data/helarsekvivalenter.csv (se src/data/utdata.js och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.js";

await skrivUtdatafil("helarsekvivalenter.csv");
