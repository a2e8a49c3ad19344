// Webbläsarkontrollen (scripts/webblasarkontroll.ts): ett anrop som Chromium avbröt
// (net::ERR_ABORTED, när kontrollen själv laddar om eller stänger sidan medan en fil hämtas)
// prövas igen mot servern: en fil som finns ger en varning, en som inte går att hämta ett fel.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provaAvbrutna } from "../scripts/webblasarkontroll.ts";

let server: Server;
let bas = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/_file/data/finns.csv") res.end("a;b\n1;2\n");
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((klar) => server.listen(0, "127.0.0.1", klar));
  bas = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((klar) => server.close(() => klar())));

describe("ett avbrutet anrop i webbläsarkontrollen", () => {
  it("är en varning när filen går att hämta, ett fel när den inte gör det, en gång per adress", async () => {
    const fel: string[] = [];
    const varningar: string[] = [];
    await provaAvbrutna([`${bas}/_file/data/finns.csv`, `${bas}/_file/data/finns.csv`, `${bas}/_file/data/saknas.csv`], fel, varningar);
    expect(varningar).toEqual([`anropet avbröts (net::ERR_ABORTED) men filen går att hämta: ${bas}/_file/data/finns.csv`]);
    expect(fel).toEqual([`anropet misslyckades: ${bas}/_file/data/saknas.csv (net::ERR_ABORTED, och filen går inte att hämta: HTTP 404)`]);
  });

  it("är ett fel när servern inte svarar", async () => {
    const fel: string[] = [];
    await provaAvbrutna(["http://127.0.0.1:1/_file/data/x.csv"], fel, []);
    expect(fel).toEqual(["anropet misslyckades: http://127.0.0.1:1/_file/data/x.csv (net::ERR_ABORTED, och filen går inte att hämta: inget svar)"]);
  });
});
