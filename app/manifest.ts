import type { MetadataRoute } from "next";
import { CATALOGUES } from "@/lib/i18n/catalogues";

const zh = CATALOGUES["zh-CN"].manifest;
const en = CATALOGUES.en.manifest;
const brand = CATALOGUES.en.common.brand;

/**
 * The web app manifest (/manifest.webmanifest): what a phone needs to install MedProof on its home
 * screen. One file for every reader (browsers fetch it without the language cookie), so it speaks both.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: `${brand} — ${zh.name} · ${en.name}`,
    short_name: brand,
    description: `${zh.description} ${en.description}`,
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
