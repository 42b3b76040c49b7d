// Confluent's own JavaScript registry client and Avro serde, driven by ConfluentJavaScriptInteropIT
// so our hand-written Java wire format is checked against an independent implementation.
//
//   node interop.js serialize   <registryUrl> <topic> <schemaFile> <recordJsonFile>  -> hex on stdout
//   node interop.js deserialize <registryUrl> <topic> <hex>                          -> JSON on stdout
'use strict';
const fs = require('fs');
const { SchemaRegistryClient, AvroSerializer, AvroDeserializer, SerdeType } = require('@confluentinc/schemaregistry');

async function serialize(client, topic, schemaFile, recordFile) {
  // Register the contract's schema explicitly: with autoRegisterSchemas the client would
  // register a schema guessed from the JavaScript object instead.
  const schema = fs.readFileSync(schemaFile, 'utf8');
  const id = await client.register(`${topic}-value`, { schemaType: 'AVRO', schema }, false);
  const serializer = new AvroSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: false, useSchemaId: id });
  const record = JSON.parse(fs.readFileSync(recordFile, 'utf8'));
  const bytes = await serializer.serialize(topic, record);
  process.stdout.write(bytes.toString('hex') + '\n');
}

async function deserialize(client, topic, hex) {
  const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
  const record = await deserializer.deserialize(topic, Buffer.from(hex, 'hex'));
  process.stdout.write(JSON.stringify(record) + '\n');
}

async function main([mode, url, topic, ...rest]) {
  const client = new SchemaRegistryClient({ baseURLs: [url] });
  if (mode === 'serialize') return serialize(client, topic, rest[0], rest[1]);
  if (mode === 'deserialize') return deserialize(client, topic, rest[0]);
  throw new Error(`unknown mode ${mode}; use serialize or deserialize`);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
