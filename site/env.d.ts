// Astro and Vite ambient types (astro:content, ?raw, ?worker…), so `tsc` works
// before `astro sync` has generated .astro/.
/// <reference types="astro/client" />
