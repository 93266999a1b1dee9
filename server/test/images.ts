/** The EXIF a phone camera writes: make, model, body serial, and GPS at 13°05'43.8" N 109°18'04.32" E. */
export function cameraExif(serial: string) {
  return {
    IFD0: { Make: 'AcmeCam', Model: 'Acme X100' },
    IFD2: { BodySerialNumber: serial },
    IFD3: {
      GPSLatitudeRef: 'N',
      GPSLatitude: '13/1 5/1 4380/100',
      GPSLongitudeRef: 'E',
      GPSLongitude: '109/1 18/1 432/100',
    },
  };
}
