#!/usr/bin/env python3
"""Writes synthetic eslogger captures, one line per im_maces event, from the eslogger JSON
reference (../shared/spec/eslogger-json.md) and the im_maces field mapping
(../shared/spec/endpoint-security.md section 5), with the $Fields each line must give.

Not real output: every value is made up and distinct. Shapes follow the spec: random key order,
escaped slashes (as Foundation's JSONEncoder writes them), nulls, object audit tokens.

    python3 make_synthetic.py   # rewrites synthetic-all-events.jsonl (+ .expected) and synthetic-session.jsonl.gz

synthetic-session.jsonl.gz is a longer made-up stream for the demo (conf/demo.conf): a mix weighted
towards file events, with gap-free sequence numbers except one deliberate gap of 3 writes.
"""
import gzip
import json
import random
from datetime import datetime, timezone

random.seed(7)
N = [1000]


def n():
    N[0] += 7
    return N[0]


def ts(seconds, nanos):
    return datetime.fromtimestamp(seconds, timezone.utc).strftime('%Y-%m-%dT%H:%M:%S') + '.%09dZ' % nanos


def micros_text(seconds, nanos):
    return datetime.fromtimestamp(seconds, timezone.utc).strftime('%Y-%m-%dT%H:%M:%S') + '.%06dZ' % (nanos // 1000)


def shuffled(d):
    items = list(d.items())
    random.shuffle(items)
    return dict(items)


def file_obj(path, truncated=False):
    st = {k: n() for k in ['st_dev', 'st_ino', 'st_mode', 'st_nlink', 'st_uid', 'st_gid', 'st_rdev', 'st_size',
                           'st_blocks', 'st_blksize', 'st_flags', 'st_gen']}
    for k in ['st_atimespec', 'st_mtimespec', 'st_ctimespec', 'st_birthtimespec']:
        st[k] = ts(1700000000 + n(), 0)
    return shuffled({'path': path, 'path_truncated': truncated, 'stat': shuffled(st)})


CS = [0x22000005, 0x26015b11, 0x22020203, 0x00000000]


def process(prefix, fields, tty=True, team=True):
    tok = {k: n() for k in ['auid', 'euid', 'egid', 'ruid', 'rgid', 'pid', 'asid', 'pidversion']}
    cs = CS[N[0] % len(CS)]
    cd = ''.join('%02X' % ((N[0] + i) & 0xff) for i in range(20))
    exe = '/usr/bin/tool-%d' % n()
    ttypath = '/dev/ttys%03d' % (n() % 1000)
    p = {'audit_token': shuffled(tok), 'parent_audit_token': shuffled(dict(tok)),
         'responsible_audit_token': shuffled(dict(tok)), 'ppid': n(), 'original_ppid': n(), 'group_id': n(),
         'session_id': n(), 'codesigning_flags': cs, 'is_platform_binary': bool(N[0] % 2), 'is_es_client': False,
         'cdhash': cd, 'signing_id': 'com.example.signing-%d' % n(), 'team_id': ('TEAM%d' % n()) if team else None,
         'executable': file_obj(exe), 'tty': file_obj(ttypath) if tty else None,
         'start_time': ts(1700000000, 123456000)[:-4] + 'Z', 'cs_validation_category': 6}
    f = fields
    f[prefix + 'PID'] = tok['pid']
    f[prefix + 'PIDVersion'] = tok['pidversion']
    f[prefix + 'UID'] = tok['auid']
    f[prefix + 'EffectiveUID'] = tok['euid']
    f[prefix + 'EffectiveGID'] = tok['egid']
    f[prefix + 'RealUID'] = tok['ruid']
    f[prefix + 'RealGID'] = tok['rgid']
    f[prefix + 'ParentPID'] = p['ppid']
    f[prefix + 'OriginalParentPID'] = p['original_ppid']
    f[prefix + 'SessionID'] = p['session_id']
    f[prefix + 'CodesigningFlags'] = '@cs %d' % cs  # the Java test formats it
    f[prefix + 'PlatformBinary'] = p['is_platform_binary']
    f[prefix + 'ESClient'] = False
    f[prefix + 'CodeDirectoryHash'] = cd.lower()
    f[prefix + 'SigningID'] = p['signing_id']
    if team:
        f[prefix + 'TeamID'] = p['team_id']
    f[prefix + 'Executable'] = exe
    if tty:
        f[prefix + 'Tty'] = ttypath
    return shuffled(p)


def statfs(f):
    s = {'f_bsize': 4096, 'f_iosize': 1048576, 'f_blocks': 2 ** 40 + n(), 'f_bfree': n(), 'f_bavail': n(),
         'f_files': n(), 'f_ffree': n(), 'f_fsid': [16777233, 26], 'f_owner': 0, 'f_type': 26, 'f_flags': 0x4809080,
         'f_fssubtype': 1, 'f_fstypename': 'apfs', 'f_mntonname': '/Volumes/Data %d' % n(),
         'f_mntfromname': '/dev/disk3s%d' % (n() % 9), 'f_flags_ext': 0}
    f.update({'BlockSize': 4096, 'TransferBlockSize': 1048576, 'TotalDataBlocks': s['f_blocks'], 'FreeBlocks': s['f_bfree'],
              'AvailableBlocks': s['f_bavail'], 'TotalFileNodes': s['f_files'], 'FreeFileNodes': s['f_ffree'],
              'FilesystemID': (26 << 32) | 16777233, 'OwnerUID': 0, 'FilesystemType': 26, 'MountFlags': 0x4809080,
              'FilesystemSubType': 1, 'ExtendedFlags': 0, 'FilesystemTypeName': 'apfs',
              'MountedOn': s['f_mntonname'], 'MountedFrom': s['f_mntfromname']})
    return shuffled(s)


def spec_json_string(text):
    """endpoint-security.md 5.5.4: quote and backslash escaped, control characters as \\uXXXX."""
    out = ''
    for c in text:
        if c in '"\\':
            out += '\\' + c
        elif ord(c) < 0x20:
            out += '\\u%04x' % ord(c)
        else:
            out += c
    return '"' + out + '"'


def path():
    return '/Users/alice/Documents/file %d.txt' % n()


def event(name, f):
    """The event object of one event, and its expected fields (into f)."""
    e = {}
    if name in ('chdir', 'chroot', 'dup', 'fsgetpath', 'listextattr', 'readdir', 'stat', 'truncate', 'write'):
        p = path(); e['target'] = file_obj(p); f['File'] = p
    elif name == 'access':
        p = path(); e = {'mode': 4, 'target': file_obj(p)}; f.update(File=p, AccessMode=4)
    elif name == 'fcntl':
        p = path(); e = {'cmd': 62, 'target': file_obj(p)}; f.update(File=p, Command=62)
    elif name in ('getextattr', 'setextattr', 'deleteextattr'):
        p = path(); e = {'target': file_obj(p), 'extattr': 'com.apple.quarantine'}
        f.update(File=p, ExtendedAttributes='com.apple.quarantine')
    elif name in ('getattrlist', 'setattrlist'):
        p = path()
        e = {'target': file_obj(p), 'attrlist': {'bitmapcount': 5, 'reserved': 0, 'commonattr': 0x8000000f,
                                                 'volattr': 3, 'dirattr': 4, 'fileattr': 5, 'forkattr': 6}}
        f.update(File=p, CommonAttributes=0x8000000f, VolumeAttributes=3, DirectoryAttributes=4, FileAttributes=5,
                 ForkAttributes=6)
    elif name == 'setflags':
        p = path(); e = {'flags': 0x8000, 'target': file_obj(p)}; f.update(File=p, FileFlags=0x8000)
    elif name == 'setmode':
        p = path(); e = {'mode': 0o100644, 'target': file_obj(p)}; f.update(File=p, FileMode=0o100644)
    elif name == 'setowner':
        p = path(); e = {'uid': 4294967294, 'gid': 20, 'target': file_obj(p)}; f.update(File=p, UID=4294967294, GID=20)
    elif name == 'utimes':
        p = path(); e = {'target': file_obj(p), 'atime': ts(1700000100, 5000), 'mtime': ts(1700000200, 999999999)}
        f.update(File=p, AccessTime=micros_text(1700000100, 5000), ModifiedTime=micros_text(1700000200, 999999999))
    elif name == 'unlink':
        p = path(); e = {'target': file_obj(p), 'parent_dir': file_obj('/Users/alice/Documents')}
        f.update(File=p, Directory='/Users/alice/Documents')
    elif name == 'setacl':
        p = path(); e = {'target': file_obj(p), 'set_or_clear': 1, 'acl': None}
        f.update(File=p, ACLAction='clear')
    elif name == 'close':
        p = path(); e = {'modified': True, 'target': file_obj(p), 'was_mapped_writable': False}
        f.update(File=p, Modified=True)
    elif name == 'open':
        p = path(); e = {'fflag': 0x20100001, 'file': file_obj(p)}; f.update(File=p, OpenFlags=0x20100001)
    elif name == 'create':
        e = {'destination_type': 1, 'destination': {'new_path': {'dir': file_obj('/private/tmp'), 'filename': 'new "one".txt',
                                                                 'mode': 0o644}},
             'acl': '!#acl 1\nuser:FFFFEEEE-DDDD-CCCC-BBBB-AAAA000001F5:alice:501:allow:read\n'}
        f.update(File='/private/tmp/new "one".txt', Directory='/private/tmp', Filename='new "one".txt', CreateMode=0o644,
                 ExistingFile=False, ACL=e['acl'])
    elif name == 'rename':
        p = path()
        e = {'source': file_obj(p), 'destination_type': 0, 'destination': {'existing_file': file_obj('/private/tmp/old')}}
        f.update(File=p, TargetFile='/private/tmp/old', ExistingFile=True)
    elif name == 'link':
        p = path(); e = {'source': file_obj(p), 'target_dir': file_obj('/'), 'target_filename': 'hard'}
        f.update(File=p, TargetFile='/hard', Directory='/', Filename='hard')
    elif name == 'clone':
        p = path(); e = {'source': file_obj(p), 'target_dir': file_obj('/private/var'), 'target_name': 'copy'}
        f.update(File=p, TargetFile='/private/var/copy', Directory='/private/var', Filename='copy')
    elif name == 'readlink':
        p = path(); e = {'source': file_obj(p)}; f['File'] = p
    elif name == 'file_provider_materialize':
        p = path()
        e = {'instigator': None, 'source': file_obj('/staged/a'), 'target': file_obj(p),
             'instigator_token': [1, 2, 3, 4, 5, 6, 7, 8]}
        f.update(File='/staged/a', TargetFile=p)
    elif name == 'file_provider_update':
        e = {'source': file_obj('/staged/b'), 'target_path': '/Users/alice/Cloud/b'}
        f.update(File='/staged/b', TargetFile='/Users/alice/Cloud/b')
    elif name == 'lookup':
        e = {'source_dir': file_obj('/usr/lib'), 'relative_target': '../lib/./dyld'}
        f.update(Directory='/usr/lib', Filename='../lib/./dyld')
    elif name == 'exchangedata':
        e = {'file1': file_obj('/a/one'), 'file2': file_obj('/a/two')}; f.update(FirstFile='/a/one', SecondFile='/a/two')
    elif name == 'mmap':
        p = '/usr/lib/libSystem.B.dylib'
        e = {'protection': 5, 'max_protection': 7, 'flags': 0x40002, 'file_pos': 2 ** 63 + 16, 'source': file_obj(p)}
        f.update(File=p, MemoryMapProtection=5, MemoryMapMaxProtection=7, MemoryMapFlags=0x40002,
                 MemoryMapFilePosition=2 ** 63 + 16 - 2 ** 64)
    elif name == 'mprotect':
        e = {'protection': 1, 'address': 0x1000a0000, 'size': 16384}
        f.update(Protection=1, MemoryAddress=0x1000a0000, MemorySize=16384)
    elif name in ('mount', 'unmount'):
        e = {'statfs': statfs(f)}
        if name == 'mount':
            e['disposition'] = 3
    elif name == 'exit':
        e = {'stat': 3 << 8}; f['ExitCode'] = 3
    elif name == 'signal':
        e = {'sig': 30, 'instigator': None}
        e['target'] = process('TargetProcess', f, tty=False)
        f['Signal'] = 'SIGUSR1 (30)'
    elif name == 'get_task':
        e = {'type': 0, 'target': process('TargetProcess', f)}
    elif name == 'proc_check':
        e = {'type': 2, 'flavor': 11, 'target': process('TargetProcess', f, team=False)}
        f.update(ProcessCheckType='pidinfo', ProcessCheckFlavor='PROC_PIDPATHINFO')
    elif name == 'fork':
        e = {'child': process('TargetProcess', f)}
    elif name == 'exec':
        args = ['/bin/ls', '-la', 'a "quoted" arg', 'back\\slash', 'tab\there']
        e = {'target': process('TargetProcess', f), 'args': args, 'env': ['PATH=/usr/bin:/bin', 'HOME=/Users/alice'],
             'cwd': file_obj('/Users/alice'), 'script': None, 'dyld_exec_path': '/bin/ls', 'last_fd': 2,
             'fds': [{'fd': 0, 'fdtype': 1}, {'fd': 1, 'fdtype': 6, 'pipe': {'pipe_id': 99}}],
             'image_cputype': 16777228, 'image_cpusubtype': -2147483646}
        f['TargetProcessArgs'] = '[' + ', '.join(spec_json_string(a) for a in args) + ']'
    elif name in ('kextload', 'kextunload'):
        e = {'identifier': 'com.example.driver'}; f['KernelExtension'] = 'com.example.driver'
    elif name == 'iokit_open':
        e = {'user_client_type': 4294967295, 'user_client_class': 'IOHIDLibUserClient', 'parent_registry_id': 42,
             'parent_path': 'IOService:/AppleARMPE'}
        f.update(ClientClass='IOHIDLibUserClient', ClientType='4294967295')
    elif name in ('pty_grant', 'pty_close'):
        e = {'dev': 268435459}; f['DeviceVersion'] = 268435459
    elif name == 'settime':
        e = {}
    elif name == 'uipc_bind':
        e = {'dir': file_obj('/private/var/run'), 'filename': 'agent.sock', 'mode': 0o140777}
        f.update(File='/private/var/run/agent.sock', Directory='/private/var/run', Filename='agent.sock',
                 SocketMode=0o140777)
    elif name == 'uipc_connect':
        e = {'file': file_obj('/private/var/run/syslog'), 'domain': 1, 'type': 2, 'protocol': 0}
        f.update(File='/private/var/run/syslog', Domain=1, SocketType=2, Protocol=0)
    else:
        raise SystemExit('no synthetic event for ' + name)
    return shuffled(e)


EVENTS = [('exec', 9), ('open', 10), ('fork', 11), ('close', 12), ('create', 13), ('exchangedata', 14), ('exit', 15),
          ('get_task', 16), ('kextload', 17), ('kextunload', 18), ('link', 19), ('mmap', 20), ('mprotect', 21),
          ('mount', 22), ('unmount', 23), ('iokit_open', 24), ('rename', 25), ('setattrlist', 26), ('setextattr', 27),
          ('setflags', 28), ('setmode', 29), ('setowner', 30), ('signal', 31), ('unlink', 32), ('write', 33),
          ('file_provider_materialize', 35), ('file_provider_update', 37), ('readlink', 39), ('truncate', 41),
          ('lookup', 43), ('chdir', 51), ('getattrlist', 53), ('stat', 54), ('access', 55), ('chroot', 57),
          ('utimes', 59), ('clone', 61), ('fcntl', 62), ('getextattr', 64), ('listextattr', 66), ('readdir', 68),
          ('deleteextattr', 70), ('fsgetpath', 72), ('dup', 73), ('settime', 75), ('uipc_bind', 76),
          ('uipc_connect', 78), ('setacl', 82), ('pty_grant', 83), ('pty_close', 84), ('proc_check', 86)]


def main():
    lines, expected = [], []
    for i, (name, number) in enumerate(EVENTS):
        f = {'EventType': name}
        seconds, nanos = 1750000000 + i, 123456789 + i
        f['EventTime'] = micros_text(seconds, nanos)
        mach = 2 ** 63 + 1000 + i
        f['MachTimestamp'] = str(mach)
        f['MessageVersion'] = 10
        f['MessageSequence'] = 40 + i
        msg = {'schema_version': 1, 'version': 10, 'time': ts(seconds, nanos), 'mach_time': mach, 'event_type': number,
               'action_type': 1, 'action': {'result': {'result_type': 0, 'result': {'auth': 0}}}, 'seq_num': 40 + i,
               'global_seq_num': 500 + i, 'thread': {'thread_id': 1000 + i}}
        msg['process'] = process('Process', f)
        msg['event'] = {name: event(name, f)}
        lines.append(json.dumps(shuffled(msg), separators=(',', ':')).replace('/', '\\/'))
        expected.append(json.dumps(f, sort_keys=True))
    with open('synthetic-all-events.jsonl', 'w') as out:
        out.write('\n'.join(lines) + '\n')
    with open('synthetic-all-events.expected', 'w') as out:
        out.write('\n'.join(expected) + '\n')


def session(count=1000):
    weights = {'open': 30, 'close': 30, 'stat': 25, 'write': 20, 'lookup': 15, 'mmap': 8, 'fork': 4, 'exec': 4,
               'exit': 4, 'create': 4, 'unlink': 3, 'rename': 2, 'setextattr': 2, 'signal': 1, 'mount': 1, 'kextload': 1,
               'uipc_connect': 2, 'proc_check': 2, 'get_task': 1, 'setmode': 1, 'truncate': 1, 'chdir': 2}
    numbers = dict(EVENTS)
    names = list(weights)
    seq = {}
    lines = []
    global_seq = 0
    for i in range(count):
        name = random.choices(names, [weights[k] for k in names])[0]
        if i == count // 2:
            name = 'write'
            seq[name] = seq.get(name, 0) + 3  # three writes ES dropped: a gap the demo reports
            global_seq += 3
        f = {}
        seconds, nanos = 1750100000 + i // 50, (i % 50) * 20000000 + i
        msg = {'schema_version': 1, 'version': 9, 'time': ts(seconds, nanos), 'mach_time': 5000000 + i * 997,
               'event_type': numbers[name], 'action_type': 1,
               'action': {'result': {'result_type': 0, 'result': {'auth': 0}}}, 'seq_num': seq.get(name, 0),
               'global_seq_num': global_seq, 'thread': {'thread_id': 77 + i % 5}}
        seq[name] = seq.get(name, 0) + 1
        global_seq += 1
        msg['process'] = process('Process', f, tty=i % 3 == 0, team=i % 2 == 0)
        msg['event'] = {name: event(name, f)}
        lines.append(json.dumps(shuffled(msg), separators=(',', ':')).replace('/', '\\/'))
    with gzip.GzipFile('synthetic-session.jsonl.gz', 'wb', mtime=0) as out:
        out.write(('\n'.join(lines) + '\n').encode())


main()
session()
