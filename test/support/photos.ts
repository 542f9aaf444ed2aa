import sharp from 'sharp';

/** A phone photo with the buyer's GPS position and device (`Tecno Spark 10`) in its EXIF. */
export async function gpsPhoto(color: string, width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Tecno', Model: 'Spark 10' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '4/1 19/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '15/1 18/1 4500/100' } })
    .toBuffer();
}
