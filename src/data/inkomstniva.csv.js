// Dataladdare för data/inkomstniva.csv (se src/data/utdata.js och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.js";

await skrivUtdatafil("inkomstniva.csv");
