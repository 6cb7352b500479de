indarg2 ; argument indirection in OPEN, USE, CLOSE, ZSHOW, ZKILL and ZGOTO
 s f="/tmp/minim-indarg2.txt"
 s x="f:(newversion)" o @x
 s x="f" u @x w "line",! s x="$p" u @x
 s x="f" c @x
 s x="f:(readonly)" o @x u f r l u $p c f w l,!
 s x="f:(delete)" c @x
 s a=1,a(1)=2,x="a" zk @x w $d(a),!
 s x="""V""" zsh @x
 s x="1:done" zg @x
 w "not here",!
done w "done",!
 q
