svio1 ; $IO and $PRINCIPAL when standard input is a file
 write "$IO=[",$io,"] $PRINCIPAL=[",$principal,"]",!
 read x
 write "x=",x," $IO=[",$io,"]",!
 quit
