export default async function globalTeardown() {
  await globalThis.__LAUREL_EMBEDDED_PG__?.stop();
}
