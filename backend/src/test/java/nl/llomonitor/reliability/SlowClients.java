package nl.llomonitor.reliability;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients that open connections and never finish their request (slowloris), run in a
 * process of their own so that their sockets do not count against the app's file
 * descriptors. Loopback only; bounded in count and time: opens {@code count} connections
 * to 127.0.0.1:{@code port}, sends half a request head on each, prints {@code OPEN n}
 * (connections opened), then keeps them for {@code seconds} and exits.
 */
final class SlowClients {

	private SlowClients() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int count = Math.min(Integer.parseInt(args[1]), 12_000);
		long seconds = Math.min(Long.parseLong(args[2]), 120);
		byte[] half = "GET /api/v1/indicators HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
			.getBytes(StandardCharsets.US_ASCII);
		List<Socket> sockets = new ArrayList<>(count);
		int opened = 0;
		for (int i = 0; i < count; i++) {
			Socket socket = new Socket();
			try {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
				OutputStream out = socket.getOutputStream();
				out.write(half);
				out.flush();
				sockets.add(socket);
				opened++;
			}
			catch (Exception ex) {
				socket.close();
			}
		}
		System.out.println("OPEN " + opened);
		System.out.flush();
		Thread.sleep(seconds * 1000);
		for (Socket socket : sockets) {
			socket.close();
		}
	}

}
