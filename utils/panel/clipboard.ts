/**
 * Copies text from the panel. The Clipboard API needs the frame's `clipboard-write` permission (granted by the
 * frame's `allow` attribute); where it is refused, a hidden selection and `execCommand('copy')` still work in an
 * extension page. Returns whether the text reached the clipboard, so the UI can say so or offer the text to copy.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await doc.defaultView?.navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    doc.body.append(area);
    area.select();
    const copied = doc.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** Offers `text` as a file download from the panel. */
export function downloadText(
  file: { fileName: string; mimeType: string; text: string },
  doc: Document = document,
): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
