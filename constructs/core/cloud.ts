export type Cloud = 'aws' | 'azure' | 'gcp';
