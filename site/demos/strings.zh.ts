// 演示的界面文字（简体中文），按演示名分组。每位课程作者只编辑自己演示的键。
export default {
  'binary-type': {
    label: 'binaryType 演示',
    legend: '收到的二进制用什么类型（binaryType）',
    send: '发送 16 个字节',
    connecting: '正在连接 /echo…',
    open: '已连接 /echo，可以发送。',
    closed: '连接已关闭。',
    receivedBlob: (size: number) => `收到 Blob，size = ${size}。要读字节还需 await data.arrayBuffer()：`,
    receivedBuffer: (size: number) => `收到 ArrayBuffer，byteLength = ${size}，可以直接读取：`,
    log: '收到的消息',
  },
};
