import { crc32, deflateRawSync } from 'node:zlib';
import { readZipDirectory, unpackSmall } from '@laurel/api-core';
import { DOCX, stripIdentifyingMetadata, stripPng, withoutElements } from './strip-metadata';

/** A ZIP of deflated parts with a real central directory, as Word writes one. */
function zipOf(files: Record<string, string>): Buffer {
  const body: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [fileName, text] of Object.entries(files)) {
    const content = Buffer.from(text);
    const data = deflateRawSync(content);
    const name = Buffer.from(fileName);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(content), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    body.push(local, name, data);
    directory.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(directory.length / 2, 8);
  end.writeUInt16LE(directory.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...body, dir, end]);
}

const parts = (zip: Buffer) => new Map(readZipDirectory(zip).map((entry) => [entry.name, unpackSmall(zip, entry).toString('utf8')]));

describe(stripIdentifyingMetadata.name, () => {
  it('takes creator and last modified by out of a DOCX, company and manager out of its app properties, and nothing else', async () => {
    const docx = zipOf({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': '<w:document><w:body><w:p><w:r><w:t>Kế hoạch kinh doanh</w:t></w:r></w:p></w:body></w:document>',
      'docProps/core.xml':
        '<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title>Plan</dc:title><dc:creator>Lê Văn Phượng</dc:creator><cp:lastModifiedBy>Phượng (home)</cp:lastModifiedBy><cp:revision>2</cp:revision></cp:coreProperties>',
      'docProps/app.xml': '<Properties><Company>Phượng Hoàng JSC</Company><Manager/><Pages>1</Pages></Properties>',
    });
    const clean = await stripIdentifyingMetadata(DOCX, docx);
    const after = parts(clean);
    expect(after.get('docProps/core.xml')).toBe(
      '<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title>Plan</dc:title><cp:revision>2</cp:revision></cp:coreProperties>',
    );
    expect(after.get('docProps/app.xml')).toBe('<Properties><Pages>1</Pages></Properties>');
    expect(after.get('word/document.xml')).toBe(parts(docx).get('word/document.xml'));
    expect(clean.includes(Buffer.from('Phượng'))).toBe(false);
  });

  it('keeps an element whose name only starts like a removed one', () => {
    expect(withoutElements('<a><x:creator a="1">n</x:creator><creatorTool>t</creatorTool><dc:creator/></a>', ['creator'])).toBe(
      '<a><creatorTool>t</creatorTool></a>',
    );
  });

  it('drops the text and EXIF chunks of a PNG and keeps the image chunks byte for byte', () => {
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write(type, 4, 'latin1');
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
      return Buffer.concat([head, data, crc]);
    };
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const ihdr = chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]));
    const idat = chunk('IDAT', deflateRawSync(Buffer.from([0, 255, 0, 0, 255])));
    const iend = chunk('IEND', Buffer.alloc(0));
    const tagged = Buffer.concat([
      signature,
      ihdr,
      chunk('tEXt', Buffer.from('Author\0Team Phoenix', 'latin1')),
      chunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<dc:creator>Team Phoenix</dc:creator>')),
      idat,
      chunk('eXIf', Buffer.from('MM\0*')),
      iend,
    ]);
    expect(stripPng(tagged).equals(Buffer.concat([signature, ihdr, idat, iend]))).toBe(true);
  });

  it('refuses a type it cannot clean rather than pass it on', async () => {
    await expect(stripIdentifyingMetadata('application/zip', Buffer.from('PK'))).rejects.toThrow('No metadata cleaner for application/zip');
  });
});
