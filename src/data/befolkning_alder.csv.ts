// Dataladdare för data/befolkning_alder.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("befolkning_alder.csv");
