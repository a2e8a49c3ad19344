// Urvalen i adressen (issue 12, delbara vyer): varje urval på en sida (region, kön, period,
// mått, förbund att framhäva …) står i adressens frågedel, `?region=forbund-2080&kon=kvinnor`.
// En adress med urvalen öppnar samma vy; bakåt och framåt i webbläsaren byter urvalen.
//
// `urlval(input, namn, nyckel)` kopplar ett Observable Inputs-element (select eller radio) till
// parametern `namn`: finns parametern när elementet skapas väljs det alternativ vars nyckel är
// parameterns värde; när någon väljer något läggs ett nytt steg i historiken (pushState); vid
// bakåt/framåt (popstate) sätts värdet från adressen (sidans förval när parametern saknas) och
// elementet meddelar sidan ("input").
// Ett element som skapas på nytt (för att ett annat urval ändrats) tar över namnet.

/** Det som urlval behöver av ett Inputs-element. */
export interface Valelement<T> extends EventTarget {
  value: T;
}

/** Nyckeln för ett värde i adressen: en sträng (utan tecken som behöver kodas helst). */
export type Nyckel<T> = (v: T) => string;

interface Registrerat {
  satt: (parametrar: URLSearchParams) => void;
}

const registrerade = new Map<string, Registrerat>();
let lyssnar = false;
/** Sant medan urvalen sätts från adressen (bakåt/framåt): då läggs inget nytt steg i historiken. */
let franHistorik = false;

/** Värdet i listan vars nyckel är `text`, eller undefined. */
export function hittaVal<T>(alternativ: readonly T[], nyckel: Nyckel<T>, text: string | null): T | undefined {
  if (text === null) return undefined;
  return alternativ.find((a) => nyckel(a) === text);
}

/** Adressens frågedel med `namn` satt till `varde` (eller borttagen när varde är null). */
export function medParameter(sok: string, namn: string, varde: string | null): string {
  const p = new URLSearchParams(sok);
  if (varde === null) p.delete(namn);
  else p.set(namn, varde);
  const text = p.toString();
  return text ? `?${text}` : "";
}

/**
 * Kopplar `input` (med alternativen `alternativ`) till parametern `namn`. Ger `input`, så att
 * anropet kan stå där elementet skapas: `const regionval = urlval(Inputs.select(...), "region", alt, nyckel)`.
 */
export function urlval<T, E extends Valelement<T>>(input: E, namn: string, alternativ: readonly T[], nyckel: Nyckel<T>): E {
  if (typeof window === "undefined") return input;
  // Sidans förval: det som gäller när adressen inte har parametern (t.ex. bakåt till första vyn).
  const forval = input.value;
  const satt = (parametrar: URLSearchParams) => {
    const v = parametrar.has(namn) ? hittaVal(alternativ, nyckel, parametrar.get(namn)) : forval;
    const nu = input.value;
    if (v !== undefined && nyckel(v) !== (nu == null ? null : nyckel(nu))) {
      input.value = v;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  };
  // Från adressen när elementet skapas (före Generators.input läser värdet).
  const fran = hittaVal(alternativ, nyckel, new URLSearchParams(window.location.search).get(namn));
  if (fran !== undefined) input.value = fran;
  registrerade.set(namn, { satt });
  input.addEventListener("input", () => {
    if (franHistorik) return;
    const v = input.value;
    const text = v == null ? null : nyckel(v);
    const sok = medParameter(window.location.search, namn, text);
    if (sok !== window.location.search) window.history.pushState(null, "", `${window.location.pathname}${sok}${window.location.hash}`);
  });
  if (!lyssnar) {
    lyssnar = true;
    window.addEventListener("popstate", () => {
      const parametrar = new URLSearchParams(window.location.search);
      franHistorik = true;
      try {
        for (const r of registrerade.values()) r.satt(parametrar);
      } finally {
        franHistorik = false;
      }
    });
  }
  return input;
}
