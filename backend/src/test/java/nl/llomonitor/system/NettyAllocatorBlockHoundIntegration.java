package nl.llomonitor.system;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Netty 4.2's adaptive buffer allocator briefly takes a {@code StampedLock} when it grows
 * or frees a magazine. That is a short in-memory wait inside Netty, not blocking I/O, but
 * BlockHound reports it and thereby kills the connection (seen on R2DBC reads under
 * load). Likewise the SCRAM nonce of a password login. Allowed here, narrowly, so
 * BlockHound keeps catching real blocking calls in our code.
 */
public class NettyAllocatorBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
				"tryExpandMagazines");
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
		// a password login (scram-sha-256, the embedded server's only method) draws the
		// client nonce from SecureRandom: a read of /dev/urandom, which never waits once
		// the machine has booted
		builder.allowBlockingCallsInside("com.ongres.scram.common.ScramFunctions", "nonce");
	}

}
