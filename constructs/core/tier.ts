export type Tier = 'development' | 'staging' | 'production';
