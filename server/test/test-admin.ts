/**
 * The first admin every test server starts with, through ADMIN_EMAIL, ADMIN_PASSWORD and ADMIN_NAME exactly as an
 * operator would set them (a new database without them gets a random password instead).
 */
export const TEST_ADMIN = { email: 'admin@example.com', password: 'test-admin-password', name: 'Alex Admin' } as const;

export const TEST_ADMIN_ENV = { ADMIN_EMAIL: TEST_ADMIN.email, ADMIN_PASSWORD: TEST_ADMIN.password, ADMIN_NAME: TEST_ADMIN.name } as const;
