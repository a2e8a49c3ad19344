// Dataladdare för data/ekonomi_kassaflode.csv (se src/data/utdata.js och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.js";

await skrivUtdatafil("ekonomi_kassaflode.csv");
