// Vite turns `?url` imports into the URL of the bundled file (the pdf.js worker).
declare module '*?url' {
  const url: string;
  export default url;
}
