// Dataladdare för data/helarsekvivalenter.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("helarsekvivalenter.csv");
