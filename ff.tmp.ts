import { distance } from 'fastest-levenshtein';
import fs from 'node:fs';
const src = fs.readFileSync('src/app/engine/order-ref.ts', 'utf8');
const stopStr = /const STOP = new Set\(\s*\(([\s\S]*?)\)\.split/.exec(src)![1]!;
const STOP = new Set(eval(stopStr).split(' '));
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
const sound = (w: string) => w.replace(/ph/g, 'f').replace(/([a-z])\1+/g, '$1');
const words = (t: string) => fold(t).split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w)).map(sound);
function near(a: string, b: string) { if (a === b) return true; const short = Math.min(a.length, b.length); if (short >= 4 && (a.startsWith(b) || b.startsWith(a))) return true; if (short < 4 || a[0] !== b[0]) return false; return distance(a, b) <= (short >= 7 ? 2 : 1); }
const titles = ['Boucles d\'oreilles en perles', 'Chemise en bogolan', 'Pagne wax 6 yards', 'Sac en raphia tressé', 'Foulard en soie imprimé', 'Lampe en laiton ciselé', 'Panier tressé', 'Sandales en cuir', 'Téléphone Tecno Spark 10', 'Perruque brésilienne', 'Crème éclaircissante', 'Chaussures en cuir noir', 'Robe en pagne', 'Montre connectée', 'Écouteurs Bluetooth', 'Savon noir', 'Huile de palme', 'Tissu bazin riche', 'Chapeau de paille', 'Collier en or', 'Pantalon jean', 'Bague en argent', 'Sacoche homme', 'Ventilateur rechargeable', 'Mixeur blender', 'Tablette Samsung', 'Matelas mousse', 'Casserole inox'];
const titleWords = new Set(titles.flatMap(words));
const texts: string[] = [];
for (const dir of fs.readdirSync('test/fixtures').filter((d) => d.startsWith('understanding'))) for (const f of fs.readdirSync(`test/fixtures/${dir}`).filter((f) => f.endsWith('.jsonl'))) for (const l of fs.readFileSync(`test/fixtures/${dir}/${f}`, 'utf8').split('\n')) if (l.trim()) texts.push(JSON.parse(l).text);
const pairs = new Map<string, number>();
for (const t of texts) for (const w of new Set(words(t))) for (const tw of titleWords) if (w !== tw && near(w, tw) && !(w.startsWith(tw) || tw.startsWith(w))) pairs.set(`${w}~${tw}`, (pairs.get(`${w}~${tw}`) ?? 0) + 1);
console.log(texts.length, 'texts');
console.log([...pairs].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p} ${n}`).join('\n'));
