// exifr's "mini" build (GPS, orientation, basic tags; about a third of the full one) has no typings of its own.
declare module 'exifr/dist/mini.esm.mjs' {
  export function gps(data: Blob | ArrayBuffer | string): Promise<{ latitude: number; longitude: number } | undefined>;
}
