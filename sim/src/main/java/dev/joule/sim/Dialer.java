package dev.joule.sim;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * Opens the WebSocket of each charger on one event loop, bound to a chosen source address.
 *
 * <p>Plain Netty rather than Vert.x's WebSocketClient, because that client ignores {@code
 * setLocalAddress} (vert.x issue #2335, still so in 5.2.3): from one source address a simulator
 * runs out of ephemeral ports (32768-60999 here) towards one server port, sooner still when closed
 * connections linger in TIME_WAIT after a reconnect storm. The channels live on the shard's own
 * Netty event loop, so charger code stays single-threaded. Netty answers pings with pongs and
 * closes on a close frame; the handshake sends the {@code ocpp1.6} subprotocol (OCPP-J §3.1).
 */
final class Dialer {
  /** The largest frame the simulator accepts from a central system. */
  private static final int MAX_FRAME_BYTES = 1 << 20;

  private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 8192;

  private final SimConfig config;
  private final Bootstrap bootstrap;
  private final InetSocketAddress server;
  private final SslContext ssl;

  Dialer(SimConfig config, EventLoop loop) {
    this.config = config;
    this.server = new InetSocketAddress(config.url().getHost(), config.port());
    this.ssl = config.secure() ? clientSsl(config) : null;
    this.bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, config.callTimeout().toMillis()));
  }

  /** Connects {@code charger} (the {@code index}-th of the run) from its source address. */
  void connect(Charger charger, int index) {
    List<InetAddress> sources = config.sourceAddresses();
    Bootstrap b = bootstrap.clone().handler(initializer(charger));
    if (!sources.isEmpty()) {
      b.localAddress(new InetSocketAddress(sources.get(index % sources.size()), 0));
    }
    b.connect(server)
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (!f.isSuccess()) {
                    charger.onConnectFailed(f.cause());
                  }
                });
  }

  private ChannelInitializer<SocketChannel> initializer(Charger charger) {
    HttpHeaders headers = new DefaultHttpHeaders();
    config
        .authorization(charger.id())
        .ifPresent(value -> headers.set(HttpHeaderNames.AUTHORIZATION, value));
    URI uri = config.url().resolve(config.path(charger.id()));
    WebSocketClientProtocolConfig protocol =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .subprotocol(Shard.SUBPROTOCOL)
            .customHeaders(headers)
            .maxFramePayloadLength(MAX_FRAME_BYTES)
            .handshakeTimeoutMillis(config.callTimeout().toMillis())
            .build();
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (ssl != null) {
          pipeline.addLast(sslHandler(channel));
        }
        pipeline.addLast(new HttpClientCodec());
        // Removed by the handshaker once the upgrade response is in.
        pipeline.addLast(new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES));
        pipeline.addLast(new WebSocketClientProtocolHandler(protocol));
        pipeline.addLast(new Frames(charger));
      }
    };
  }

  private SslHandler sslHandler(Channel channel) {
    SslHandler handler = ssl.newHandler(channel.alloc(), server.getHostString(), server.getPort());
    SSLParameters parameters = handler.engine().getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    handler.engine().setSSLParameters(parameters);
    return handler;
  }

  private static SslContext clientSsl(SimConfig config) {
    try {
      SslContextBuilder builder = SslContextBuilder.forClient();
      config.tlsCa().ifPresent(ca -> builder.trustManager(ca.toFile())); // else the JDK's
      if (config.clientCert().isPresent()) { // security profile 3
        builder.keyManager(
            config.clientCert().get().toFile(), config.clientKey().orElseThrow().toFile());
      }
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
    }
  }

  /** Delivers one charger's connection events and text frames to it. */
  private static final class Frames extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    private final Charger charger;
    private boolean open;
    private Throwable failure;

    Frames(Charger charger) {
      this.charger = charger;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
        open = true;
        charger.onOpen(ctx.channel());
      } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
        ctx.close();
      }
      super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
      charger.onText(frame.text());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      if (open) {
        charger.onClose();
      } else {
        charger.onConnectFailed(
            failure != null ? failure : new IllegalStateException("closed during the handshake"));
      }
      super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // A broken connection or a refused handshake also closes; counted in channelInactive.
      if (!open && failure == null) {
        failure = cause;
      }
      ctx.close();
    }
  }
}
