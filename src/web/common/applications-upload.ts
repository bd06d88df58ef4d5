// An uploaded file of a multipart form (the identity proof of an application).

/** The chosen file's bytes and name; undefined when none was chosen (browsers send an empty part). */
export async function uploadedFile(value: unknown): Promise<{ content: Uint8Array; fileName: string } | undefined> {
  if (!(value instanceof File) || value.size === 0) return undefined;
  return { content: new Uint8Array(await value.arrayBuffer()), fileName: value.name };
}
