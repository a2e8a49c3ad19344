// Dataladdare för data/insatser_nyckeltal.csv (se src/data/utdata.js och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.js";

await skrivUtdatafil("insatser_nyckeltal.csv");
