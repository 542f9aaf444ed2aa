import { withPrivateImages } from '../src/infra/image-privacy.js';
import { createMemoryBlobStore } from '../src/infra/blob-folder.js';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b1f0b50000000049454e44ae426082', 'hex');
const s = withPrivateImages(createMemoryBlobStore());
s.put(PNG, { contentType: 'image/png', name: 'b.png' }).then(console.log, console.error);
