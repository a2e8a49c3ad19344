// Dataladdare för data/personalinriktade_ar.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("personalinriktade_ar.csv");
