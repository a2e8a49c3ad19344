// Dataladdare för data/mal_bedomning.csv (se src/data/utdata.ts och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.ts";

skrivUtdatafil("mal_bedomning.csv");
