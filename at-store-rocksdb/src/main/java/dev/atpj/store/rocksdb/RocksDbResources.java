package dev.atpj.store.rocksdb;

import dev.atpj.store.StoreConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rocksdb.AbstractEventListener;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteOptions;

/**
 * The native objects of one store: the database, its column-family handles, options and write
 * options, closed together in the right order.
 */
final class RocksDbResources implements AutoCloseable {
  /** Column families, in the order of {@link #handles}. "default" holds server properties. */
  static final List<String> COLUMN_FAMILIES =
      List.of(
          "default",
          "keys",
          "commits",
          "latest",
          "expiry",
          "notifications",
          "notifications_time",
          "access",
          "access_time");

  private static final int BLOOM_BITS_PER_KEY = 10;

  final RocksDB db;
  final List<ColumnFamilyHandle> handles;
  final WriteOptions syncWrite;
  final WriteOptions asyncWrite;
  private final List<AutoCloseable> options;

  private RocksDbResources(
      RocksDB db, List<ColumnFamilyHandle> handles, List<AutoCloseable> options) {
    this.db = db;
    this.handles = handles;
    this.options = options;
    this.syncWrite = new WriteOptions().setSync(true);
    this.asyncWrite = new WriteOptions().setSync(false);
  }

  /** The handle of a column family by name. */
  ColumnFamilyHandle handle(String name) {
    return handles.get(COLUMN_FAMILIES.indexOf(name));
  }

  /**
   * Opens (creating if needed) the database in {@code dir}. A database that lacks column families
   * is first opened once to create them and closed: RocksDB keeps one directory handle per column
   * family created while open, for as long as it stays open (14 descriptors per store instead of
   * 7), which a process hosting a thousand atSigns feels. The info log is the environment's (no
   * {@code LOG} file per store).
   */
  static RocksDbResources open(Path dir, StoreConfig config, StoreEnvironment env)
      throws RocksDBException {
    if (!hasEveryColumnFamily(dir)) {
      openOnce(dir, config, env).close();
    }
    return openOnce(dir, config, env);
  }

  private static boolean hasEveryColumnFamily(Path dir) {
    List<byte[]> existing;
    try (Options options = new Options()) {
      existing = RocksDB.listColumnFamilies(options, dir.toString());
    } catch (RocksDBException e) {
      return false; // no database yet
    }
    Set<String> names = new HashSet<>();
    existing.forEach(name -> names.add(new String(name, StandardCharsets.UTF_8)));
    return names.containsAll(COLUMN_FAMILIES);
  }

  private static RocksDbResources openOnce(Path dir, StoreConfig config, StoreEnvironment env)
      throws RocksDBException {
    List<AutoCloseable> owned = new ArrayList<>();
    try {
      BloomFilter bloom = new BloomFilter(BLOOM_BITS_PER_KEY);
      owned.add(bloom);
      ColumnFamilyOptions pointLookups = columnFamilyOptions(config, env, bloom);
      owned.add(pointLookups);
      ColumnFamilyOptions scans = columnFamilyOptions(config, env, null);
      owned.add(scans);
      AbstractEventListener restrict = OwnerOnlyFiles.listener(dir);
      owned.add(restrict);
      DBOptions dbOptions = dbOptions(config, env).setListeners(List.of(restrict));
      owned.add(dbOptions);
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (String name : COLUMN_FAMILIES) {
        boolean point = name.equals("keys") || name.equals("latest") || name.equals("default");
        descriptors.add(
            new ColumnFamilyDescriptor(
                name.getBytes(StandardCharsets.UTF_8), point ? pointLookups : scans));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
      return new RocksDbResources(db, List.copyOf(handles), owned);
    } catch (RocksDBException | RuntimeException e) {
      closeAll(owned);
      throw e;
    }
  }

  private static ColumnFamilyOptions columnFamilyOptions(
      StoreConfig config, StoreEnvironment env, BloomFilter bloom) {
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(env.blockCache())
            .setCacheIndexAndFilterBlocks(true)
            .setPinL0FilterAndIndexBlocksInCache(true)
            .setBlockSize(bloom == null ? 16 * 1024 : 4 * 1024);
    if (bloom != null) {
      table.setFilterPolicy(bloom);
    }
    long buffer = config.writeBufferBytes();
    return new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .setWriteBufferSize(buffer)
        .setMaxWriteBufferNumber(2)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setLevelCompactionDynamicLevelBytes(true)
        .setLevel0FileNumCompactionTrigger(4)
        .setTargetFileSizeBase(4 * buffer)
        .setMaxBytesForLevelBase(16 * buffer);
  }

  private static DBOptions dbOptions(StoreConfig config, StoreEnvironment env) {
    return new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setWriteBufferManager(env.writeBufferManager())
        .setMaxOpenFiles(config.maxOpenFiles())
        .setMaxBackgroundJobs(config.maxBackgroundJobs())
        .setMaxTotalWalSize(8 * config.writeBufferBytes())
        .setWalRecoveryMode(WALRecoveryMode.PointInTimeRecovery)
        .setBytesPerSync(1 << 20)
        .setWalBytesPerSync(512 << 10)
        .setSkipStatsUpdateOnDbOpen(true)
        .setLogger(env.infoLog())
        .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
        .setStatsDumpPeriodSec(0)
        .setStatsPersistPeriodSec(0);
  }

  /** Flushes the write-ahead log to disk. */
  void syncWal() throws RocksDBException {
    db.flushWal(true);
  }

  @Override
  public void close() {
    List<AutoCloseable> all = new ArrayList<>(handles);
    all.add(db);
    all.add(syncWrite);
    all.add(asyncWrite);
    all.addAll(options);
    closeAll(all);
  }

  private static void closeAll(List<AutoCloseable> closeables) {
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing native objects only fails on double close; nothing to do.
      }
    }
  }
}
