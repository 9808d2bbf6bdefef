import { defineConfig } from 'vitest/config';

const backEnd = ['electron', 'state-machines', 'policy', 'hardware', 'ils', 'store', 'runtime', 'scripts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [...backEnd.map((layer) => `${layer}/**/*.test.ts`), 'test/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
