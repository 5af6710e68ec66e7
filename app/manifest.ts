import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): what a phone needs to install MedProof on its home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "MedProof — check a mask box",
    short_name: "MedProof",
    description: "Scan a medical mask box and see its whole record, and whether to trust it.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f8fafc",
    theme_color: "#065f46",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
