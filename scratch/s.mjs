import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import S3rver from 's3rver';
import { S3Client, PutObjectCommand, GetObjectCommand, CreateBucketCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import { mkdtempSync } from 'node:fs';
const img = await sharp({ create: { width: 40, height: 30, channels: 3, background: 'red' } }).jpeg().withExif({ IFD0: { Make: 'Acme', Model: 'X' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '4/1 19/1 0/1' } }).toBuffer();
console.log((await sharp(img).metadata()).exif?.length, await fileTypeFromBuffer(img));
const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: mkdtempSync('/tmp/s3r-') , configureBuckets:[{name:'ev'}]});
const { port } = await s3.run();
console.log('port', port);
const c = new S3Client({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
await c.send(new PutObjectCommand({ Bucket: 'ev', Key: 'a/b', Body: img, ContentType: 'image/jpeg', Metadata: { name: 'x.jpg' } }));
const g = await c.send(new GetObjectCommand({ Bucket: 'ev', Key: 'a/b' }));
console.log(g.ContentType, g.Metadata, (await g.Body.transformToByteArray()).length);
try { await c.send(new HeadBucketCommand({ Bucket: 'nope' })); } catch (e) { console.log('missing', e.name, e.$metadata?.httpStatusCode); }
try { await c.send(new PutObjectCommand({ Bucket: 'nope', Key: 'k', Body: img })); } catch (e) { console.log('missing put', e.name, e.Code); }
try { await c.send(new GetObjectCommand({ Bucket: 'ev', Key: 'zz' })); } catch (e) { console.log('missing get', e.name); }
await s3.close();
