// Where the sidecar listens, as the module's layout writes it into the page (sidecar-endpoint.phtml).

export function sidecarUrlOfPage(): string {
  const url = document.getElementById('forcebridge-sidecar')?.dataset.sidecarUrl;
  if (!url) throw new Error('The page has no #forcebridge-sidecar[data-sidecar-url]: is the Forcebridge module\'s layout loaded?');
  return url;
}
